"""Second Call: the knowledge and logic behind the course, as a small typed library."""
