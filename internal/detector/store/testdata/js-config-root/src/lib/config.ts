export const config = {
  core: { tempDirectory: process.env.CORE_TEMP_DIRECTORY ?? '/tmp/app' },
  local: { directory: process.env.LOCAL_DIRECTORY ?? './uploads' },
};
