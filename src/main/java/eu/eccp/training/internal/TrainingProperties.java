package eu.eccp.training.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Options of the training module ({@code eccp.training.*}).
 *
 * @param reminderBefore how long before a course starts its accepted participants are reminded
 * @param reminderInterval how often reminders due are looked for (one node at a time)
 * @param reminderBatch reminders one transaction sends at most (a run repeats until none is due)
 * @param maxMaterialSize largest course material file
 */
@ConfigurationProperties("eccp.training")
public record TrainingProperties(@DefaultValue("3d") Duration reminderBefore, @DefaultValue("1h") Duration reminderInterval,
		@DefaultValue("200") int reminderBatch, @DefaultValue("50MB") DataSize maxMaterialSize) {

	public TrainingProperties {
		if (reminderBatch < 1) {
			throw new IllegalArgumentException("eccp.training.reminder-batch must be at least 1");
		}
	}
}
