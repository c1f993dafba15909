package eu.eccp.correlation.internal;

import java.util.UUID;

/** A hit to create: an organisation learns that its record carries an indicator records abroad carry. */
record NewHit(UUID organisation, long record, long indicator) {
}
