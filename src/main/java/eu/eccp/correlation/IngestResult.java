package eu.eccp.correlation;

/** What recording a batch of sightings did. */
public record IngestResult(int records, int newSightings, int links, int hits) {
}
