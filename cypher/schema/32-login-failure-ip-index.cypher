CREATE INDEX login_failure_ip IF NOT EXISTS FOR (f:LoginFailure) ON (f.ip, f.at)
