/// The libcurl HTTP client and the sources it fetches.
