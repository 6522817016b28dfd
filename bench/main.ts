// placeholder replaced below
console.log('bench: not yet');
