// Stand-in for office-addin-manifest inside jest only (see jest.config.js): office-addin-mock
// imports it for its OfficeApp enum and nothing else.
module.exports = {
  OfficeApp: {
    Excel: "excel",
    OneNote: "onenote",
    Outlook: "outlook",
    PowerPoint: "powerpoint",
    Project: "project",
    Word: "word",
  },
};
