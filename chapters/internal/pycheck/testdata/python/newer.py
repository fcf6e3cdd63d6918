# needs: Python 99.0
print("from the future")

# Output:
# from the future
