console.log("no env here");
