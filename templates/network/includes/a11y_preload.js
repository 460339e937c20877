try{var p=JSON.parse(localStorage.getItem("a11y-prefs")||"{}");for(var k in p){if(p[k])document.documentElement.classList.add("a11y-"+k);}}catch(e){}
