package eu.eccp.platform.internal;

import java.util.concurrent.ThreadPoolExecutor;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The executor module event listeners run on. Spring Boot's own one backs off as soon as a module declares an
 * executor of its own (the import executor does), and {@code @Async} listeners then fell back to a thread per
 * call: a burst of reports started dozens of threads that took every database connection. This one is bounded
 * (see {@link BackgroundWorkProperties}) and named {@code taskExecutor}, the name {@code @Async} looks for.
 */
@Configuration(proxyBeanMethods = false)
class BackgroundWorkConfiguration {

	@Bean(name = { "taskExecutor", "applicationTaskExecutor" }, destroyMethod = "shutdown")
	ThreadPoolTaskExecutor taskExecutor(BackgroundWorkProperties properties) {
		ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
		executor.setThreadNamePrefix("event-");
		executor.setCorePoolSize(properties.eventThreads());
		executor.setMaxPoolSize(properties.eventThreads());
		executor.setQueueCapacity(properties.eventQueue());
		executor.setRejectedExecutionHandler(new ThreadPoolExecutor.CallerRunsPolicy());
		// on stop, listeners that are running finish; queued calls stay in the publication registry and are replayed
		executor.setWaitForTasksToCompleteOnShutdown(true);
		executor.setAwaitTerminationSeconds(10);
		executor.initialize();
		return executor;
	}
}
