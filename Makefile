# Thin wrapper for people who type make; ./dev does the work.
.PHONY: demo test pytest
demo:
	./dev demo
test:
	./dev test
pytest:
	./dev pytest
