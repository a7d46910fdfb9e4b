// (c) 2023 Web Team Member
module.exports = { page: () => "<p>shop</p>" }
