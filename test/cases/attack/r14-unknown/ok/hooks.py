def on_config(config):
    return config
