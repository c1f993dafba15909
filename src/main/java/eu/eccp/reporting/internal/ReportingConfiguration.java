package eu.eccp.reporting.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

@Configuration(proxyBeanMethods = false)
class ReportingConfiguration {

	/** Bulk imports run one at a time in the background, so they never starve the web requests. */
	@Bean(destroyMethod = "shutdown")
	ThreadPoolTaskExecutor reportImportExecutor() {
		return oneThread("report-import-", 1_000);
	}

	/**
	 * The import's second stage: while the import's thread stores a chunk, this thread extracts and correlates the
	 * one stored before it (one at a time: the import waits for it before handing over the next), so that storing
	 * and correlating use the machine's two cores. One thread, one chunk in flight, one connection at a time.
	 */
	@Bean(destroyMethod = "shutdown")
	ThreadPoolTaskExecutor reportImportCorrelationExecutor() {
		return oneThread("report-import-correlation-", 1);
	}

	/** One thread with a bounded queue; what runs when the node stops is interrupted, and resumed by the next start. */
	private static ThreadPoolTaskExecutor oneThread(String name, int queue) {
		ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
		executor.setThreadNamePrefix(name);
		executor.setCorePoolSize(1);
		executor.setMaxPoolSize(1);
		executor.setQueueCapacity(queue);
		executor.setWaitForTasksToCompleteOnShutdown(false);
		executor.initialize();
		return executor;
	}
}
