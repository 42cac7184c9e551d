CREATE (:LoginFailure {usernameKey: $usernameKey, ip: $ip, at: $at})
