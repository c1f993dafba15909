package eu.eccp.notifications;

/**
 * Sends a notice to an organisation. Called inside the sender's transaction: the notice is stored with
 * the change that caused it, and delivered (in-app, e-mail, webhooks) only once that change commits.
 */
public interface Notifications {

	void send(Notice notice);
}
