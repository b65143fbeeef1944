import json
print(json.load(open("package.json"))["name"])
