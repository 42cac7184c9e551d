CREATE INDEX login_failure_name IF NOT EXISTS FOR (f:LoginFailure) ON (f.usernameKey, f.at)
