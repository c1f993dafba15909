@NullMarked
package eu.eccp.organisations.web;

import org.jspecify.annotations.NullMarked;
