"""The application around the pages: start-up, the main window, opening a file, the welcome dialog."""
