package eu.eccp.training.internal;

import eu.eccp.shared.Labelled;

/**
 * Who may download a course material: everyone (also without an account), people of law-enforcement and judicial
 * bodies (national units, 24/7 contact points, EU bodies), or only the course's participants and its organiser.
 */
@Labelled("training.access")
public enum MaterialAccess {
	PUBLIC,
	LAW_ENFORCEMENT,
	PARTICIPANTS
}
