/**
 * The embedded PostgreSQL used when no external database is configured (and by every module's tests).
 */
@NullMarked
package eu.eccp.shared.database;

import org.jspecify.annotations.NullMarked;
