package eu.eccp.sharing.internal;

import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationContext;

/** What tests outside the package need of the feed sources' internals: the credential as the puller reads it. */
public final class FeedSourcesTestAccess {

	private FeedSourcesTestAccess() {
	}

	public static @Nullable String credential(ApplicationContext context, UUID source) {
		FeedSourceRepository repository = context.getBean(FeedSourceRepository.class);
		return context.getBean(FeedSources.class).credential(repository.find(source).orElseThrow());
	}
}
