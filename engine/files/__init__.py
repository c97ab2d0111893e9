"""Files as they arrive: every submitted file is hostile until checked (size, zip
directory, encryption), outputs appear atomically, JSON submissions are read with clear
messages.  Below the workbook and bureau layers; imports only the standard library and
never parses a workbook."""
