package eu.eccp.audit.internal;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Options of the audit trail ({@code eccp.audit.*}).
 *
 * @param checkpoints the signed checkpoints that anchor the hash chain outside the database
 */
@ConfigurationProperties("eccp.audit")
record AuditProperties(@DefaultValue Checkpoints checkpoints) {

	/**
	 * @param enabled whether checkpoints are written and checked by the verification (default true)
	 * @param interval how often the chain's head is checkpointed when it moved (default 10 minutes)
	 * @param file the append-only JSON-lines file of checkpoints (default {@code DATA_DIR/audit/checkpoints.jsonl})
	 * @param keyFile the Ed25519 key pair that signs them, created on first use (default
	 *        {@code DATA_DIR/audit/checkpoint-key.pem})
	 * @param url where each new checkpoint is also POSTed as JSON (default none), e.g. a write-once store
	 * @param timeout connect and answer timeout of that POST
	 */
	record Checkpoints(@DefaultValue("true") boolean enabled, @DefaultValue("10m") Duration interval,
			@Nullable Path file, @Nullable Path keyFile, @Nullable URI url, @DefaultValue("10s") Duration timeout) {
	}
}
