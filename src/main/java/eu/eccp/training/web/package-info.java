@NullMarked
package eu.eccp.training.web;

import org.jspecify.annotations.NullMarked;
