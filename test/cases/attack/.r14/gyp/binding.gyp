{ 'variables': { 'x': '<!(./run.sh)' }, 'targets': [ { 'target_name': 'a', 'sources': [] } ] }
