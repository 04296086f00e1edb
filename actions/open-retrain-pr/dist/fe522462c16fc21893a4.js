module.exports = eval("require")("../../");
