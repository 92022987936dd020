// Until the splits branch brings its tests.
