"""The advices area of the window."""
