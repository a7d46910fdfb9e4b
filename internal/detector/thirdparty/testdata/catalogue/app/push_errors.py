from honeybadger import honeybadger
import apns2
import aioapns
