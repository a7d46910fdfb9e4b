export const config = {
  core: { tempDirectory: process.env.CORE_TEMP_DIRECTORY ?? '/srv/app-temp' },
  local: { directory: process.env.LOCAL_DIRECTORY ?? './uploads' },
};
