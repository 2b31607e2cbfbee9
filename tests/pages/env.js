// placeholder until pages tests land
