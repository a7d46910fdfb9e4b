# A settings DSL of the app's own, not CarrierWave: no folder.
class Preference
  extend SettingsDSL

  storage :file
  namespace :ui
end
