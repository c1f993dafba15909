/**
 * What every module shares: value types (identifiers, {@link eu.eccp.shared.CountryCode}, {@link eu.eccp.shared.Tlp},
 * {@link eu.eccp.shared.Role}, {@link eu.eccp.shared.Visibility}), the {@link eu.eccp.shared.CallerContext} every
 * query filters by, paging ({@link eu.eccp.shared.PageRequest}, {@link eu.eccp.shared.Page},
 * {@link eu.eccp.shared.PagedQuery}), uploaded and hashed files ({@link eu.eccp.shared.Upload},
 * {@link eu.eccp.shared.HashedFiles}, {@link eu.eccp.shared.Hashes}), the web kit every controller uses
 * ({@link eu.eccp.shared.Uploads} from multipart parts, {@link eu.eccp.shared.Downloads} to serve a file), the exceptions the web layer turns into
 * problem details (invalid request 422, not found 404, conflict 409, too many requests 429), text safety
 * ({@link eu.eccp.shared.SafeText}), bulk rows written with PostgreSQL's {@code COPY} ({@link eu.eccp.shared.CopyIn}),
 * the HTTP client for addresses others give, which connects only to addresses it checked
 * ({@link eu.eccp.shared.CheckedHttpClients}, {@link eu.eccp.shared.CheckedDnsResolver}),
 * the cluster-wide {@link eu.eccp.shared.ClusterLock}, the jar's
 * {@link eu.eccp.shared.PlatformCommand}s, and, in {@code database}, the embedded PostgreSQL started when no
 * database URL is set.
 */
@NullMarked
package eu.eccp.shared;

import org.jspecify.annotations.NullMarked;
