from .prod import *

DEBUG = True
