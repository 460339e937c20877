"""Geodata tables: the ZIP-code centroids the offline geocoder reads, and the online geocoder's
cache. A leaf of the app: it imports no page model, so `geocoding` and `zip_codes` (which the page
models use) can build on it without a cycle. `locations.models` re-exports both models.
"""

from django.db import models


class ZipCentroid(models.Model):
    """The centre point of a US ZIP code, for offline geocoding.

    Loaded once from the compact file shipped in `locations/data/` (GeoNames, CC BY 4.0, via the
    `zipcodes` package): a keyed table costs web workers nothing, unlike keeping 42,000 rows in memory.
    """

    zip_code = models.CharField(max_length=5, primary_key=True)
    latitude = models.FloatField()
    longitude = models.FloatField()
    city = models.CharField(max_length=100)
    state = models.CharField(max_length=2)
    time_zone = models.CharField(max_length=64, blank=True)

    class Meta:
        indexes = [models.Index(fields=["state", "city"], name="zip_state_city_idx")]

    def __str__(self) -> str:
        return f"{self.zip_code} {self.city}, {self.state}"


class GeocodeCache(models.Model):
    """The optional online geocoder's answers to what patients typed, kept for `cache_days` so the
    same text does not go out again (see locations.geocoding).

    What it keeps of a patient's search is coarse but not nothing: `query` is an HMAC of the text
    under the secret key (unreadable without it), the point is rounded to about 1 km, and `label`
    is readable: the name of the ZIP code nearest that point ("Austin, TX 78701"), so a row says
    roughly where someone searched from, never the street the geocoder resolved. A row with no
    coordinates records "no match".
    """

    provider = models.CharField(max_length=50)
    query = models.CharField(max_length=64)
    latitude = models.FloatField(null=True)
    longitude = models.FloatField(null=True)
    label = models.CharField(max_length=255, blank=True)
    expires_at = models.DateTimeField(db_index=True)

    class Meta:
        unique_together = [("provider", "query")]

    def __str__(self) -> str:
        return f"{self.provider}: {self.query}"
