// Stand-in for office-addin-manifest inside jest only (see jest.config.js): office-addin-mock imports
// it but never calls it in the code paths the tests use.
module.exports = {};
