"""Every write in Gongkai goes through a service here; pages and the API call the same functions."""
