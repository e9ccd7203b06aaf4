"""The API's operations, one namespace per area, reached as attributes of the client."""
