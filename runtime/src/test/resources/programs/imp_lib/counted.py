import imp_lib.registry as registry
registry.runs.append(__name__)
