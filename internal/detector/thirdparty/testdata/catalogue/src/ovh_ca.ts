// OVHcloud's Canadian endpoint.
export const ovhCanada = () => fetch("https://ca.api.ovh.com/1.0/auth/time");
