import json
import requests
import helper2
print(helper2.NAME)
