// A vendor's id and an OAuth type in a file that configures no sign-in library.
export const integrations = [{ id: "jumpcloud", label: "JumpCloud", type: "oauth" }];
