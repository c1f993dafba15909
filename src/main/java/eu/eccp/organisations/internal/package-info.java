@NullMarked
package eu.eccp.organisations.internal;

import org.jspecify.annotations.NullMarked;
