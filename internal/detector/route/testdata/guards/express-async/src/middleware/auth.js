const jwt = require('jsonwebtoken');
const catchAsync = require('../utils/catchAsync');
const AppError = require('../utils/appError');

// A guard written inside the async wrapper: no token, no way on.
exports.protect = catchAsync(async (req, res, next) => {
  const token = (req.headers.authorization || '').replace('Bearer ', '');
  if (!token) {
    return next(new AppError('Please sign in', 401));
  }
  req.user = jwt.verify(token, process.env.JWT_SECRET);
  next();
});

// Lookalike: wrapped the same way, it only records the request.
exports.audit = catchAsync(async (req, res, next) => {
  await recordVisit(req.path);
  next();
});
