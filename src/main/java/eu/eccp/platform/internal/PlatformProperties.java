package eu.eccp.platform.internal;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The platform's top-level options ({@code --eccp.*} or {@code ECCP_*} environment variables).
 *
 * @param dataDir where the platform keeps its files; the embedded PostgreSQL cluster lives in
 *        {@code DATA_DIR/postgres}
 * @param demo whether demo organisations and accounts are created and may log in
 */
@ConfigurationProperties("eccp")
public record PlatformProperties(@DefaultValue("./data") Path dataDir, @DefaultValue("false") boolean demo) {
}
