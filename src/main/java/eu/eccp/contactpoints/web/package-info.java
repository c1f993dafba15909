@NullMarked
package eu.eccp.contactpoints.web;

import org.jspecify.annotations.NullMarked;
