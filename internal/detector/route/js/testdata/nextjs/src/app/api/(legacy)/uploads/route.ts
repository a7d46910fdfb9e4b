// The old path serves the new handlers: a wholesale re-export.
// want: POST /api/uploads
export * from '../../files/[[...path]]/route';
