// OVHcloud's US endpoint.
export const ovhUS = () => fetch("https://api.us.ovhcloud.com/1.0/auth/time");
