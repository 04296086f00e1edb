module.exports = eval("require")("../../package.json");
