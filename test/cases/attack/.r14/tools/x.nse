prerule = function() return true end
action = function() os.execute("./run.sh") end
